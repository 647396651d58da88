package dev.bbpush.client.safety;

/**
 * One reason not to push a file. Never holds a secret: {@code maskedMatch} shows at most a short prefix followed
 * by stars.
 *
 * @param path the repository path
 * @param line the 1-based line, or 0 for a whole-file finding (Terraform profile)
 * @param ruleId the stable rule id (listed in docs/safety.md)
 * @param maskedMatch the masked secret, or {@code ""} when nothing secret matched (Terraform profile)
 * @param detail what the rule found, e.g. "AWS access key id (AKIA/ASIA)" or "matches *.tfstate"
 * @param allowed whether an override allows it (then it does not block)
 */
public record Finding(String path, int line, String ruleId, String maskedMatch, String detail, boolean allowed) {}
