package org.enquirytriage.classifier;

import de.bwaldvogel.liblinear.SolverType;

/** The LIBLINEAR solvers a model can be trained with. */
public enum Solver {
    /** L2-regularised logistic regression, one class against the rest (dual coordinate descent). */
    LOGISTIC_REGRESSION(SolverType.L2R_LR_DUAL, 0.1),
    /** L2-regularised linear support vector machine with squared hinge loss, one class against the rest. */
    LINEAR_SVM(SolverType.L2R_L2LOSS_SVC_DUAL, 0.1),
    /** Crammer and Singer's multi-class support vector machine. */
    CRAMMER_SINGER(SolverType.MCSVM_CS, 0.1);

    private final SolverType type;
    private final double epsilon;

    Solver(SolverType type, double epsilon) {
        this.type = type;
        this.epsilon = epsilon;
    }

    SolverType type() {
        return type;
    }

    double epsilon() {
        return epsilon;
    }
}
