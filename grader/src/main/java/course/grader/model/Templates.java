package course.grader.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The files the grader writes into exports and bundles, kept as resources of the grader's jar. */
public final class Templates {

    private static final String FOLDER = "/course/grader/export/";

    private Templates() {
    }

    public static String read(String name) throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("the grader's template " + name + " is missing (rebuild the grader)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
