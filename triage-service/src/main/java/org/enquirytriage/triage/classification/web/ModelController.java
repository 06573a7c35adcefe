package org.enquirytriage.triage.classification.web;

import java.util.List;
import java.util.Map;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.classification.ClassificationProperties;
import org.enquirytriage.triage.classification.ModelClassifier;
import org.enquirytriage.triage.classification.ModelDirectory;
import org.enquirytriage.triage.classification.ModelInfo;
import org.enquirytriage.triage.classification.ModelRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The classifier's models for administrators: which are in use, and a new model for a label
 * ({@code POST /api/triage/models/kind} with the file written by {@code scripts/train-classifier} as the body),
 * checked before it replaces the one in use, which goes on serving if it fails.
 */
@RestController
@RequestMapping("/api/triage/models")
class ModelController {

    private final ModelClassifier classifier;
    private final ModelDirectory directory;
    private final ClassificationProperties properties;

    ModelController(ModelClassifier classifier, ModelDirectory directory, ClassificationProperties properties) {
        this.classifier = classifier;
        this.directory = directory;
        this.properties = properties;
    }

    /**
     * The models in use and any problem with the files in the model directory.
     *
     * @param models the kind and topic models in use
     * @param modelDir the watched directory, {@code null} when none is configured
     * @param problems the label and the reason of each file in the directory that could not be used
     */
    record Models(List<ModelInfo> models, String modelDir, Map<String, String> problems) {
    }

    @GetMapping
    Models models(@AuthenticationPrincipal StaffMember staff) {
        requireAdmin(staff);
        return new Models(classifier.models(),
                directory.configured() ? properties.modelDir().toString() : null, directory.problems());
    }

    @PostMapping(path = "/{label}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ModelInfo replace(@AuthenticationPrincipal StaffMember staff, @PathVariable String label,
            @RequestBody(required = false) byte[] file) {
        requireAdmin(staff);
        if (!ModelClassifier.LABELS.contains(label)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "There is no " + label + " model; the labels are " + ModelClassifier.LABELS);
        }
        if (file == null || file.length == 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The body must be a model file, as scripts/train-classifier writes it; it was empty");
        }
        if (file.length > properties.maxModelSize().toBytes()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "The model file has " + file.length
                    + " bytes, more than the " + properties.maxModelSize().toBytes() + " allowed");
        }
        ModelInfo loaded = classifier.replace(label, file, "upload by " + staff.id());
        directory.store(label, file);
        return loaded;
    }

    @ExceptionHandler(ModelRejectedException.class)
    ProblemDetail rejected(ModelRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                e.getMessage() + "; the model in use goes on serving");
        problem.setTitle("Model rejected");
        return problem;
    }

    static void requireAdmin(StaffMember staff) {
        if (staff == null || !staff.has(Role.ADMIN)) {
            throw new AccessRefusedException("Only an administrator may see or change the classifier's models and "
                    + "labels");
        }
    }
}
