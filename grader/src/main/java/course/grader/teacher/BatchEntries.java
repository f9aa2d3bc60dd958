package course.grader.teacher;

import course.grader.model.CannotGrade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The submissions in a batch folder: each sub-folder or {@code .zip} is one student's (a folder and
 * a zip of the same name: the folder is graded, with a note).
 */
record BatchEntries(Map<String, Path> submissions, Map<String, String> notes, Map<String, String> folders) {

    static BatchEntries of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CannotGrade(folder + " is not a folder: give the folder that holds one sub-folder"
                    + " or zip file per student.");
        }
        Map<String, Path> entries = new TreeMap<>();
        Map<String, String> notes = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path entry : list.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.equals("__MACOSX")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    entries.put(name, entry);
                } else if (name.toLowerCase().endsWith(".zip")) {
                    String student = name.substring(0, name.length() - 4);
                    if (entries.containsKey(student)) {
                        notes.put(student, "both a folder and " + name + ": graded the folder");
                    } else {
                        entries.put(student, entry);
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new CannotGrade(folder + " holds no sub-folder and no .zip file: nothing to grade.");
        }
        return new BatchEntries(entries, notes, folderNames(entries.keySet()));
    }

    /** The student's report folder name: only letters, digits and {@code ._@-}, and no other student's. */
    String folderName(String student) {
        return folders.get(student);
    }

    private static Map<String, String> folderNames(Iterable<String> students) {
        Map<String, String> folders = new TreeMap<>();
        Set<String> used = new HashSet<>();
        for (String student : students) {
            String safe = student.replaceAll("[^A-Za-z0-9._@-]", "_");
            String name = safe;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = safe + "-" + n; // "a b" and "a_b" (or "A" and "a" on a case-blind disk) get folders of their own
            }
            folders.put(student, name);
        }
        return folders;
    }
}
