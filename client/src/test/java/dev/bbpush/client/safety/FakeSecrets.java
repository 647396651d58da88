package dev.bbpush.client.safety;

/**
 * Obviously fake secrets of the right shapes, assembled at runtime so that this repository never contains a
 * string a secret scanner (ours or anyone's) would flag.
 */
final class FakeSecrets {
    private FakeSecrets() {}

    static String privateKeyHeader() {
        return "-----BEGIN " + "RSA PRIVATE" + " KEY-----";
    }

    static String awsAccessKeyId() {
        return "AK" + "IA" + "Z7FAKE" + "EXAMPLE123";
    }

    static String awsSessionKeyId() {
        return "AS" + "IA" + "Z7FAKE" + "EXAMPLE999";
    }

    static String awsSecretKey() {
        return "Fa" + "k3".repeat(19);
    }

    static String azureAccountKey() {
        return "Fake".repeat(21) + "Az" + "==";
    }

    static String atlassianApiToken() {
        return "ATA" + "TT3x" + "FakeTokenForTests_".repeat(4) + "=DEADBEEF";
    }

    static String atlassianContainerToken() {
        return "ATC" + "TT3x" + "FakeContainerToken".repeat(2);
    }

    static String bitbucketAppPassword() {
        return "AT" + "BB" + "fAkE".repeat(7);
    }

    static String githubToken(String prefix) {
        return prefix + "_" + "FakeGitHub0".repeat(4);
    }

    static String githubFineGrained() {
        return "github" + "_pat_" + "11FAKE0000" + "_" + "fake".repeat(10);
    }

    static String gcpPrivateKey() {
        return "-----BEGIN " + "PRIVATE KEY-----\\nMIIEvFAKEFAKEFAKE\\n-----END PRIVATE KEY-----\\n";
    }
}
