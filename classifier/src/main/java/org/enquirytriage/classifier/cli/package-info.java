/** The command-line tools behind {@code scripts/train-classifier} and {@code scripts/evaluate-classifier}. */
package org.enquirytriage.classifier.cli;
