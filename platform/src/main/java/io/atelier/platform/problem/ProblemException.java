package io.atelier.platform.problem;

/** Thrown by a resource to answer with a problem+json document. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of("not-found", what + " not found", 404, what + " " + id + " does not exist in this workspace."));
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 400, detail));
    }
}
