package dev.bbpush.client.safety;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.FileChange;
import dev.bbpush.client.changes.FileMode;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.changes.TerraformProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Checks every put of a change set before anything is sent:
 *
 * <ol>
 *   <li>the Terraform profile: a put whose path matches {@link TerraformProfile} is a blocking finding
 *       ({@code terraform-profile}). Walks already skip such files, so this fires for files named explicitly or
 *       selected by an include;
 *   <li>the secret rules (docs/safety.md) over the text of each file.
 * </ol>
 *
 * <p>Scan limits: only the first {@code maxScanBytes} bytes of a file are scanned (default 1 MiB; the file is then
 * reported as {@link UnscannedFile.Reason#TRUNCATED}); a file with a NUL byte in its first 8000 bytes is treated as
 * binary and not scanned ({@link UnscannedFile.Reason#BINARY}); symlinks are not scanned. Text is decoded as UTF-8
 * (invalid bytes replaced), lines split on LF. Findings are sorted by path, then line. Immutable and thread-safe.
 */
public final class SafetyScanner {
    /** Default per-file scan limit. */
    public static final int DEFAULT_MAX_SCAN_BYTES = 1024 * 1024;

    private static final int BINARY_PROBE = 8000;

    /** Every rule's keywords, found in one pass over a file's bytes (the prefilter, see {@link KeywordIndex}). */
    private static final KeywordIndex KEYWORDS = new KeywordIndex(SecretRules.ALL.stream()
            .flatMap(r -> r.keywords().stream())
            .distinct()
            .toList());

    private static final Map<String, Integer> KEYWORD_NUMBERS = numbers(KEYWORDS.keywords());

    private final SafetyOverrides overrides;
    private final int maxScanBytes;
    private final boolean terraformProfile;

    private SafetyScanner(SafetyOverrides overrides, int maxScanBytes, boolean terraformProfile) {
        this.overrides = overrides;
        this.maxScanBytes = maxScanBytes;
        this.terraformProfile = terraformProfile;
    }

    /** No overrides, 1 MiB per file, Terraform profile on. */
    public static SafetyScanner defaults() {
        return new SafetyScanner(SafetyOverrides.none(), DEFAULT_MAX_SCAN_BYTES, true);
    }

    public SafetyScanner withOverrides(SafetyOverrides o) {
        return new SafetyScanner(Objects.requireNonNull(o, "overrides"), maxScanBytes, terraformProfile);
    }

    /** @throws IllegalArgumentException unless {@code bytes} is positive */
    public SafetyScanner withMaxScanBytes(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxScanBytes must be positive");
        }
        return new SafetyScanner(overrides, bytes, terraformProfile);
    }

    /**
     * Whether explicitly named profile files block (default on). Turning it off is equivalent to allowing
     * {@code terraform-profile} for every file, and should follow the change-set builder's own profile setting.
     */
    public SafetyScanner withTerraformProfile(boolean on) {
        return new SafetyScanner(overrides, maxScanBytes, on);
    }

    /**
     * Scans every put of {@code changes}. Reads each file at most {@code maxScanBytes}; never keeps content.
     *
     * @throws dev.bbpush.client.changes.LocalContentException if a source cannot be read (naming it)
     * @throws IOException never for a file source; kept for sources whose opening may fail otherwise
     */
    public SafetyReport scan(ChangeSet changes) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<UnscannedFile> unscanned = new ArrayList<>();
        for (FileChange put : changes.puts()) {
            String path = put.path();
            if (terraformProfile) {
                Optional<String> tf = TerraformProfile.match(path);
                if (tf.isPresent()) {
                    findings.add(new Finding(
                            path,
                            0,
                            SecretRules.TERRAFORM_PROFILE,
                            "",
                            "matches the Terraform profile pattern " + tf.get() + " (state and plans hold secrets)",
                            overrides.allows(path, SecretRules.TERRAFORM_PROFILE)));
                }
            }
            if (put.requireMode() == FileMode.SYMLINK) {
                unscanned.add(new UnscannedFile(path, UnscannedFile.Reason.SYMLINK));
                continue;
            }
            byte[] head;
            try {
                head = readHead(put);
            } catch (IOException e) {
                throw new LocalContentException(
                        path,
                        put.requireContent().description(),
                        "could not be read for the safety checks (" + e.getMessage() + ")",
                        e);
            }
            if (isBinary(head)) {
                unscanned.add(new UnscannedFile(path, UnscannedFile.Reason.BINARY));
                continue;
            }
            int scanned = Math.min(head.length, maxScanBytes);
            if (head.length > maxScanBytes) {
                unscanned.add(new UnscannedFile(path, UnscannedFile.Reason.TRUNCATED));
            }
            scanText(path, head, scanned, findings);
        }
        // Puts come sorted by path; within a file, report in reading order (whole-file findings first).
        findings.sort(Comparator.comparing(Finding::path)
                .thenComparingInt(Finding::line)
                .thenComparingInt(f -> SecretRules.ids().indexOf(f.ruleId())));
        return new SafetyReport(findings, changes.skipped(), unscanned);
    }

    /** Up to maxScanBytes + 1 bytes (the extra byte tells whether the file was truncated). */
    private byte[] readHead(FileChange put) throws IOException {
        try (InputStream in = put.requireContent().open()) {
            return in.readNBytes(maxScanBytes + 1);
        }
    }

    private static boolean isBinary(byte[] head) {
        int n = Math.min(head.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private void scanText(String path, byte[] head, int scanned, List<Finding> out) {
        BitSet found = KEYWORDS.find(head, scanned);
        String text = null;
        String[] lines = null;
        for (SecretRule rule : SecretRules.ALL) {
            if (!rule.appliesTo().test(path) || !rule.mayMatch(k -> found.get(KEYWORD_NUMBERS.get(k)))) {
                continue;
            }
            if (text == null) {
                // Decoded only when a rule may match: most files hold none of the keywords.
                text = new String(head, 0, scanned, StandardCharsets.UTF_8);
                lines = text.split("\n", -1);
            }
            if (rule.fileCondition() != null
                    && !rule.fileCondition().matcher(text).find()) {
                continue;
            }
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                Matcher m = rule.line().matcher(line);
                while (m.find()) {
                    if (!rule.accept().test(m)) {
                        continue;
                    }
                    out.add(new Finding(
                            path,
                            i + 1,
                            rule.id(),
                            Masking.mask(m.group(rule.secretGroup()), rule.shownPrefix()),
                            rule.description(),
                            overrides.allows(path, rule.id())));
                }
            }
        }
    }

    private static Map<String, Integer> numbers(List<String> keywords) {
        Map<String, Integer> n = new HashMap<>();
        for (int i = 0; i < keywords.size(); i++) {
            n.put(keywords.get(i), i);
        }
        return Map.copyOf(n);
    }

    @Override
    public String toString() {
        return "SafetyScanner[maxScanBytes=" + maxScanBytes + ", terraformProfile=" + terraformProfile + ", "
                + overrides + "]";
    }
}
