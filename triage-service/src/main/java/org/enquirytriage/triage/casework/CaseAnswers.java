package org.enquirytriage.triage.casework;

import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.events.Satisfaction;

/**
 * What the department answered the citizens of a case and how they rated it: each rating counts once however often
 * intake's event is delivered, and the case's satisfaction is the latest rating. Stored unwrapped in the case, as its
 * {@code answers}, {@code ratings} and {@code satisfaction} fields.
 *
 * @param satisfaction the latest rating, {@code null} before a citizen rated
 */
record CaseAnswers(List<Answer> answers, List<Rating> ratings, Satisfaction satisfaction) {

    CaseAnswers {
        answers = answers == null ? List.of() : List.copyOf(answers);
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }

    static CaseAnswers none() {
        return new CaseAnswers(List.of(), List.of(), null);
    }

    /** These answers and one more. */
    CaseAnswers with(Answer answer) {
        List<Answer> more = new ArrayList<>(answers);
        more.add(answer);
        return new CaseAnswers(more, ratings, satisfaction);
    }

    /** Whether the rating of an event is known already: a redelivered event. */
    boolean knows(Rating rating) {
        return ratings.stream().anyMatch(known -> known.eventId().equals(rating.eventId()));
    }

    /**
     * These ratings and a new one, which becomes the satisfaction.
     *
     * @throws IllegalArgumentException when the rating is known already
     */
    CaseAnswers with(Rating rating) {
        if (knows(rating)) {
            throw new IllegalArgumentException("Rating " + rating.eventId() + " is counted already");
        }
        List<Rating> more = new ArrayList<>(ratings);
        more.add(rating);
        return new CaseAnswers(answers, more, rating.rating());
    }
}
