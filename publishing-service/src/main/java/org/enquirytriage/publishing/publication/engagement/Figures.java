package org.enquirytriage.publishing.publication.engagement;

/**
 * Reads, shares, likes and comments, and the points they make: {@code reads / 100 + likes + 2 × comments + 3 ×
 * shares}. A share carries the post to new readers, a comment shows it touched something; a read alone says least.
 */
public record Figures(long reads, long shares, long likes, long comments) {

    public static final Figures NONE = new Figures(0, 0, 0, 0);

    public Figures plus(Figures other) {
        return new Figures(reads + other.reads, shares + other.shares, likes + other.likes,
                comments + other.comments);
    }

    /** The engagement points of these figures. */
    public double points() {
        return reads / 100.0 + likes + 2.0 * comments + 3.0 * shares;
    }
}
