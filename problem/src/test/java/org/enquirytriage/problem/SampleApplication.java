package org.enquirytriage.problem;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service of the smallest kind, to show what the shared advice answers and that a service's own comes first. */
@SpringBootApplication
class SampleApplication {

    enum Colour { RED, GREEN }

    record Note(@NotBlank String text, @Size(max = 3) String subject, List<Integer> numbers) {
    }

    static class NoteConflictException extends RuntimeException {
        NoteConflictException() {
            super("The note was written meanwhile");
        }
    }

    @RestController
    static class NoteController {

        @PostMapping("/notes")
        Note write(@Valid @RequestBody Note note) {
            return note;
        }

        @GetMapping("/notes")
        List<Note> list(@RequestParam(defaultValue = "20") @Max(100) int limit,
                @RequestParam(required = false) Colour colour) {
            return List.of();
        }

        @GetMapping("/notes/search")
        List<Note> search(@RequestParam String q) {
            return List.of();
        }

        @GetMapping("/notes/conflict")
        Note conflict() {
            throw new NoteConflictException();
        }

        @GetMapping("/notes/broken")
        Note broken() {
            throw new IllegalStateException("secret internals");
        }
    }

    @RestControllerAdvice
    static class NoteProblems {

        @ExceptionHandler(NoteConflictException.class)
        ProblemDetail conflict(NoteConflictException e) {
            return Problems.of(HttpStatus.CONFLICT, "note-conflict", "Note Conflict", e.getMessage());
        }
    }
}
