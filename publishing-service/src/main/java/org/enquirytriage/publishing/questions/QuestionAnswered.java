package org.enquirytriage.publishing.questions;

/** A recorded question took its (latest) answer; published in the application. */
public record QuestionAnswered(String caseId) {
}
