package org.enquirytriage.intake.enquiry;

/** How to reach the citizen who wrote an enquiry, as the channel gave it; restricted, never passed on. */
public record Contact(String name, String phone, String email, String openid) {
}
