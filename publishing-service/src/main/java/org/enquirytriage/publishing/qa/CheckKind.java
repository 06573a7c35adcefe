package org.enquirytriage.publishing.qa;

/** The three checks (三审) an item passes before it is approved. */
public enum CheckKind {
    /** Political sensitivity (政治敏感性). */
    POLITICAL_SENSITIVITY,
    /** Policy accuracy (政策准确性). */
    POLICY_ACCURACY,
    /** Confidentiality and personal data (保密与个人信息). */
    CONFIDENTIALITY
}
