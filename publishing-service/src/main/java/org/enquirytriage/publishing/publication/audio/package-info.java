/**
 * Audio: every published item read aloud (question and answer) by an offline Mandarin speech engine — Debian's
 * {@code espeak-ng} with its {@code cmn} voice — stored with the item as WAV, served with its post and feed entry,
 * made again when the text changes. A missing engine is a start-up warning and no audio, never a failed publication.
 */
package org.enquirytriage.publishing.publication.audio;
