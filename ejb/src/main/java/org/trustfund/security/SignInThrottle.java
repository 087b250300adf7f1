package org.trustfund.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Slows down and then refuses password guesses, instead of locking accounts (which let anyone who knew a
 * user name lock its holder out). Failures count three ways:
 * <ul>
 * <li>per user name at one client address: {@value #FREE_PER_USER_AT_ADDRESS} free, then waits doubling from
 * 1 s to 15 minutes; a success there clears it;</li>
 * <li>per client address, whatever the user name (password spraying): {@value #FREE_PER_ADDRESS} free;</li>
 * <li>per user name from anywhere (a guess spread over many addresses): {@value #FREE_PER_USER} free; this
 * one does not hold back an address the user signed in from successfully in the last 30 days, so a stranger
 * elsewhere cannot keep the holder out.</li>
 * </ul>
 * Past the allowance a guess costs minutes, so a password cannot be found by trying; a refused attempt costs
 * no password hash. Wrong current passwords on the change-password form count as failures too.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_PER_USER_AT_ADDRESS = 10;
    static final int FREE_PER_ADDRESS = 30;
    static final int FREE_PER_USER = 50;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);
    private static final int MAX_KNOWN_ADDRESSES = 20;

    private final AttemptThrottle userAtAddress =
            new AttemptThrottle(new AttemptThrottle.Policy(FREE_PER_USER_AT_ADDRESS, MAX_DELAY, FORGET_AFTER));
    private final AttemptThrottle address =
            new AttemptThrottle(new AttemptThrottle.Policy(FREE_PER_ADDRESS, MAX_DELAY, FORGET_AFTER));
    private final AttemptThrottle user =
            new AttemptThrottle(new AttemptThrottle.Policy(FREE_PER_USER, MAX_DELAY, FORGET_AFTER));
    /** Per user name: addresses it signed in from, and when last. */
    private final Map<String, Map<String, Instant>> knownAddresses = new ConcurrentHashMap<>();

    /** How long this attempt must wait before it may be tried; empty if it may go ahead now. */
    public Optional<Duration> refusal(String username, String clientAddress, Instant now) {
        Stream<Optional<Duration>> waits = Stream.of(
                userAtAddress.waitBefore(pair(username, clientAddress), now),
                address.waitBefore(addressKey(clientAddress), now),
                isKnownAddress(username, clientAddress, now) ? Optional.<Duration>empty()
                        : user.waitBefore(username, now));
        return waits.flatMap(Optional::stream).max(Duration::compareTo).map(SignInThrottle::roundUpToSeconds);
    }

    /** Counts a wrong password (or an unknown user name) from this address. */
    public void failed(String username, String clientAddress, Instant now) {
        userAtAddress.failed(pair(username, clientAddress), now);
        address.failed(addressKey(clientAddress), now);
        user.failed(username, now);
    }

    /** Counts a failure that names no user, such as an unknown API token. */
    public void failedFrom(String clientAddress, Instant now) {
        address.failed(addressKey(clientAddress), now);
    }

    /** Refusal for an attempt that names no user. */
    public Optional<Duration> refusalFrom(String clientAddress, Instant now) {
        return address.waitBefore(addressKey(clientAddress), now).map(SignInThrottle::roundUpToSeconds);
    }

    /**
     * The holder proved themselves from this address: their count there starts afresh and the address is
     * remembered. The address's own count stays, or one valid account would reset a sprayer's count.
     */
    public void succeeded(String username, String clientAddress, Instant now) {
        userAtAddress.clear(pair(username, clientAddress));
        Map<String, Instant> addresses = knownAddresses.computeIfAbsent(username, k -> new ConcurrentHashMap<>());
        addresses.put(String.valueOf(clientAddress), now);
        if (addresses.size() > MAX_KNOWN_ADDRESSES) {
            addresses.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> addresses.remove(oldest.getKey()));
        }
    }

    private boolean isKnownAddress(String username, String clientAddress, Instant now) {
        Map<String, Instant> addresses = knownAddresses.get(username);
        Instant last = addresses == null ? null : addresses.get(String.valueOf(clientAddress));
        return last != null && Duration.between(last, now).compareTo(KNOWN_ADDRESS_FOR) < 0;
    }

    private static String pair(String username, String clientAddress) {
        return username + '\u0000' + clientAddress;
    }

    private static String addressKey(String clientAddress) {
        return String.valueOf(clientAddress);
    }

    /** Retry-After is in whole seconds; rounding down would invite a retry that is refused again. */
    private static Duration roundUpToSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
