package org.enquirytriage.publishing.publication;

import org.enquirytriage.publishing.qa.QaItem;

/** The form an item was published in, as the engagement report compares them. */
public enum PostForm {
    /** An answer on its own in the day's post. */
    SINGLE,
    /** An answer in a series (系列). */
    SERIES,
    /** An urgent item that jumped the queue. */
    URGENT;

    public static PostForm of(QaItem item) {
        if (item.urgent()) {
            return URGENT;
        }
        return item.series() == null || item.series().isBlank() ? SINGLE : SERIES;
    }
}
