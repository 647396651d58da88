/**
 * The auth doctor: why Bitbucket Cloud refuses (or would refuse) a credential, as data. API: {@link
 * dev.bbpush.client.diagnose.Doctor} ({@code diagnose(ctx)} examines a credential against a repository or {@code
 * /2.0/user}; {@code explain(failure, ctx)} turns a refusal or a transport failure another part of bbpush got into a
 * verdict, so no command shows a bare 401), {@link dev.bbpush.client.diagnose.AuthStatus} (every credential source,
 * the active credential and per-repository push and pull-request verdicts), configured by an immutable {@link
 * dev.bbpush.client.diagnose.DoctorContext} and answered as a {@link dev.bbpush.client.diagnose.Diagnosis} with its
 * {@link dev.bbpush.client.diagnose.Cause} (the cause ids are a public contract, documented in
 * docs/troubleshooting.md), fix, {@link dev.bbpush.client.diagnose.CredentialInfo} and {@link
 * dev.bbpush.client.diagnose.Evidence}. A run never prints and never writes remotely: at most {@link
 * dev.bbpush.client.diagnose.DoctorContext#MAX_REQUESTS} requests, one attempt each, GET only except the OAuth
 * client-credentials token request. Bitbucket's refusals and network failures are verdicts, not exceptions; when
 * nothing explains the evidence the cause is {@code unknown} with the raw evidence, never a guess. Every text of a
 * diagnosis is scrubbed of the secrets the run handled. The decision procedure is package-private: an ordered list of
 * steps whose rules (one class per cause family) return {@code Optional<Verdict>}, the first verdict winning. The
 * rules only decide: every text they show lives in the refusal catalogue ({@code internal.RefusalTexts} and the
 * per-family {@code *Texts} classes beside it), keyed by cause id. Calls
 * are stateless and may run concurrently; each run is used once.
 */
package dev.bbpush.client.diagnose;
