package org.enquirytriage.events;

/** What the writer of an enquiry mainly wants. */
public enum EnquiryKind {
    /** Information about a policy or procedure. */
    POLICY_QUESTION,
    /** Action on the writer's own situation. */
    HELP_REQUEST,
    /** A problem, wrongdoing or failure affecting the public or a group; also proposals. */
    PROBLEM_REPORT
}
