package dev.bbpush.emulator.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's IP allowlist: IPv4 and IPv6 CIDR ranges (a bare address means a single host).
 * Entries are address literals only, so parsing never touches DNS.
 */
public final class IpAllowlist {
    private final List<Range> ranges;

    private IpAllowlist(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses allowlist entries.
     *
     * @throws IllegalArgumentException naming the entry when one is not an address or CIDR range
     */
    public static IpAllowlist parse(List<String> entries) {
        List<Range> out = new ArrayList<>();
        for (String e : entries) {
            out.add(Range.parse(e));
        }
        return new IpAllowlist(out);
    }

    /** Whether the allowlist restricts anything (an empty list allows every address). */
    public boolean isEnabled() {
        return !ranges.isEmpty();
    }

    /** Whether {@code address} (as {@code ServletRequest.getRemoteAddr()} gives it) is allowed. */
    public boolean allows(String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        return ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** The bytes of an IP literal ({@code [::1]} brackets allowed), or {@code null} if it is not one. */
    static byte[] literal(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (t.isEmpty() || !(t.indexOf(':') >= 0 || t.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return null; // not a literal; refuse rather than resolve a host name
        }
        try {
            // getByName does not resolve literals; an IPv4-mapped IPv6 literal comes back as IPv4.
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String entry) {
            String e = entry.trim();
            int slash = e.indexOf('/');
            byte[] addr = literal(slash < 0 ? e : e.substring(0, slash));
            if (addr == null) {
                throw new IllegalArgumentException(
                        "invalid IP allowlist entry '" + entry + "' (use a CIDR such as 203.0.113.0/24)");
            }
            int prefix = addr.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > addr.length * 8) {
                    throw new IllegalArgumentException("invalid prefix length in IP allowlist entry '" + entry + "'");
                }
            }
            return new Range(addr, prefix);
        }

        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
