package org.enquirytriage.intake.web;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;

/**
 * The check of the channel a caller posts as: only a channel adapter, with the token the gateway relays for its API
 * key (role {@link Role#CHANNEL} with a {@code channel} claim), and only as its own channel. A request without a
 * token never gets this far (401); staff tokens and other channels' tokens are refused (403).
 */
public final class ChannelAccess {

    private ChannelAccess() {
    }

    /** Whether the caller is the adapter of the channel; never for an anonymous caller ({@code null}). */
    public static boolean mayPostAs(StaffMember caller, String channel) {
        return caller != null && caller.mayPostAs(channel);
    }

    /**
     * @throws AccessRefusedException (403) when the caller is not the adapter of the channel
     */
    public static void requireMayPostAs(StaffMember caller, String channel) {
        if (mayPostAs(caller, channel)) {
            return;
        }
        if (caller != null && caller.has(Role.CHANNEL)) {
            throw new AccessRefusedException("This channel key may post as channel " + caller.channel()
                    + " only, not as " + channel + ".");
        }
        throw new AccessRefusedException("Only a channel key of channel " + channel + " may post as it.");
    }
}
