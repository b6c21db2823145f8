package org.tomcatpush.harness.client.scenario;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The loopback source addresses one process spreads its connections over ({@code --source-addresses
 * K}): a whole run uses 127.0.0.1 .. 127.0.0.K; agent {@code I} of a split run ({@code --agent I/N})
 * the K addresses after those of the agents before it, 127.0.0.(1 + I*K) .. 127.0.0.((I + 1)*K), so
 * that agents on one machine never share a source address, and so never compete for its ephemeral
 * ports. Virtual client {@code c} takes the range's addresses in turn. The addresses are bound only
 * for an IPv4 loopback target ({@link #appliesTo(InetAddress)}): toward any other the system picks
 * the source. Immutable.
 *
 * <pre>
 * SourceAddressRange range = SourceAddressRange.of(AgentSlice.parse("1/3"), 2);  // 127.0.0.3 .. 127.0.0.4
 * InetAddress local = range.address(clientId);
 * </pre>
 *
 * @param firstHost the host number of the first address (1 for 127.0.0.1; past 255 it carries into
 *                  the third octet, as 127.0.1.4 is 260)
 * @param count     how many addresses, at least 1
 */
public record SourceAddressRange(int firstHost, int count) {

    public SourceAddressRange {
        if (firstHost < 1 || count < 1) {
            throw new IllegalArgumentException("source addresses from host " + firstHost + ", " + count
                    + " of them: both must be at least 1");
        }
    }

    /** The range of agent {@code agent} with {@code perAgent} addresses each ({@code --source-addresses}). */
    public static SourceAddressRange of(AgentSlice agent, int perAgent) {
        int count = Math.max(1, perAgent);
        return new SourceAddressRange(1 + agent.index() * count, count);
    }

    /** The address of virtual client {@code clientId}: the range's addresses in turn. */
    public InetAddress address(int clientId) {
        return host(firstHost + Math.floorMod(clientId, count));
    }

    /** The first address of the range. */
    public InetAddress first() {
        return host(firstHost);
    }

    /** The last address of the range. */
    public InetAddress last() {
        return host(firstHost + count - 1);
    }

    /**
     * Whether connections to {@code target} are bound to the range: only an IPv4 loopback target
     * is reachable from 127.0.0.x.
     */
    public static boolean appliesTo(InetAddress target) {
        return target instanceof Inet4Address && target.isLoopbackAddress();
    }

    /** As {@link #appliesTo(InetAddress)} for the host of {@code target}; false when it does not resolve. */
    public static boolean appliesTo(URI target) {
        String host = target.getHost();
        if (host == null) {
            return false;
        }
        try {
            return appliesTo(InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return first().getHostAddress() + " .. " + last().getHostAddress();
    }

    private static InetAddress host(int host) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (host >> 16), (byte) (host >> 8), (byte) host});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
