package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR matching for workspace IP allowlists, IPv4 and IPv6. */
class IpAllowlistTest {

    @Test
    void ipv4RangeMatchesByPrefix() {
        IpAllowlist a = IpAllowlist.parse(List.of("203.0.113.0/24"));

        assertThat(a.allows("203.0.113.7")).isTrue();
        assertThat(a.allows("203.0.114.7")).isFalse();
        assertThat(a.allows("127.0.0.1")).isFalse();
    }

    @Test
    void nonOctetPrefixIsHonoured() {
        IpAllowlist a = IpAllowlist.parse(List.of("10.1.16.0/20"));

        assertThat(a.allows("10.1.31.255")).isTrue();
        assertThat(a.allows("10.1.32.0")).isFalse();
    }

    @Test
    void ipv6RangeAndBracketedLiteral() {
        IpAllowlist a = IpAllowlist.parse(List.of("2001:db8::/32", "::1"));

        assertThat(a.allows("2001:db8:1::5")).isTrue();
        assertThat(a.allows("2001:db9::5")).isFalse();
        assertThat(a.allows("[::1]")).isTrue();
        assertThat(a.allows("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void ipv4MappedIpv6AddressMatchesIpv4Range() {
        assertThat(IpAllowlist.parse(List.of("127.0.0.0/8")).allows("::ffff:127.0.0.1"))
                .isTrue();
    }

    @Test
    void emptyAllowlistAllowsEverythingAndHostNamesNeverMatch() {
        assertThat(IpAllowlist.parse(List.of()).allows("198.51.100.1")).isTrue();
        assertThat(IpAllowlist.parse(List.of("127.0.0.1/32")).allows("localhost"))
                .isFalse();
    }

    @Test
    void invalidEntryIsRejectedNamingIt() {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("203.0.113.0/33"))).hasMessageContaining("203.0.113.0/33");
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("office-network"))).hasMessageContaining("office-network");
    }
}
