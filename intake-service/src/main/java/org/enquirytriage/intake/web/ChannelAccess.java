package org.enquirytriage.intake.web;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;

/**
 * The check of the channel a caller posts as. The channel endpoints are public at intake (the gateway has checked
 * the channel's API key); when the gateway relays a channel adapter's token (role {@link Role#CHANNEL} with a
 * {@code channel} claim), the adapter may post only as its own channel.
 */
public final class ChannelAccess {

    private ChannelAccess() {
    }

    /** Whether the caller (or an anonymous one, {@code null}) may post as the channel. */
    public static boolean mayPostAs(StaffMember caller, String channel) {
        return caller == null || !caller.has(Role.CHANNEL) || caller.mayPostAs(channel);
    }

    /**
     * @throws AccessRefusedException (403) when a channel adapter posts as another channel
     */
    public static void requireMayPostAs(StaffMember caller, String channel) {
        if (!mayPostAs(caller, channel)) {
            throw new AccessRefusedException("This channel key may post as channel " + caller.channel()
                    + " only, not as " + channel + ".");
        }
    }
}
