package dev.bbpush.client.diagnose;

/** What a REST request asked, which decides how a refusal reads. */
enum RequestTarget {
    /** The repository being examined ({@code GET /2.0/repositories/{ws}/{repo}}). */
    REPOSITORY,
    /** {@code GET /2.0/user}, probed when no repository was given. */
    USER,
    /** The URL a failing tool used ({@link DoctorContext#checkUrl()}). */
    CHECK_URL,
    /** The failed request {@link Doctor#explain} was given. */
    EXPLAINED
}
