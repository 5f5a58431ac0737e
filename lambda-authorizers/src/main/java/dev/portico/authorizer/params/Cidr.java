package dev.portico.authorizer.params;

import dev.portico.path.text.AsciiSyntax;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation. Only literal addresses are parsed; no name is
 * ever looked up.
 *
 * <pre>{@code
 * Cidr office = Cidr.parse("203.0.113.0/24");
 * office.contains("203.0.113.7");     // true
 * Cidr.parse("2001:db8::/32").contains("2001:db8::1");  // true
 * }</pre>
 *
 * @param network the network address bytes (4 or 16)
 * @param prefix the prefix length
 */
public record Cidr(byte[] network, int prefix) {

  /** Copies the network bytes. */
  public Cidr {
    network = network.clone();
  }

  /** A copy of the network address bytes. */
  @Override
  public byte[] network() {
    return network.clone();
  }

  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  /**
   * Parses {@code a.b.c.d/n}, {@code x::y/n} or a single address (a /32 or /128).
   *
   * @throws IllegalArgumentException if it is not a literal CIDR range
   */
  public static Cidr parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes =
        literal(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address range: " + cidr));
    int max = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address range: " + cidr);
    }
    if (prefix < 0 || prefix > max) {
      throw new IllegalArgumentException("prefix of " + cidr + " must be between 0 and " + max);
    }
    return new Cidr(mask(bytes, prefix), prefix);
  }

  /** Whether {@code ip} (a literal address) is in this range; false for anything unparsable. */
  public boolean contains(String ip) {
    Optional<byte[]> bytes = ip == null ? Optional.empty() : literal(ip.strip());
    if (bytes.isEmpty() || bytes.get().length != network.length) {
      return false;
    }
    return java.util.Arrays.equals(mask(bytes.get(), prefix), network);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return new BigInteger(1, network).toString(16) + "/" + prefix;
    }
  }

  static Optional<byte[]> literal(String address) {
    boolean v4 = AsciiSyntax.isDottedQuad(address);
    boolean v6 = address.contains(":") && IPV6.matcher(address).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    if (v4) {
      for (String part : address.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      // A literal of only digits, dots, hex and colons: InetAddress parses it without DNS.
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length == 16 && isV4Mapped(bytes)) {
        return Optional.of(java.util.Arrays.copyOfRange(bytes, 12, 16));
      }
      return Optional.of(bytes);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - bits)));
    }
    return out;
  }
}
