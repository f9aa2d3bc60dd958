package course.grader.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Unpacking a student's zip")
class ZipTest {

    @TempDir
    Path dir;

    private Path zip(String... namesAndTexts) throws IOException {
        Path zip = dir.resolve("upload.zip");
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    @DisplayName("unpacks files and folders, and packs them back the same")
    void roundTrip() throws Exception {
        Path target = dir.resolve("out");
        Zip.unzip(zip("repo/a.txt", "A", "repo/sub/b.txt", "B"), target);

        assertThat(Files.readString(target.resolve("repo/a.txt"))).isEqualTo("A");
        assertThat(Files.readString(target.resolve("repo/sub/b.txt"))).isEqualTo("B");
        Path again = dir.resolve("again.zip");
        Zip.zip(target, again);
        Zip.unzip(again, dir.resolve("out2"));
        assertThat(Files.readString(dir.resolve("out2/repo/sub/b.txt"))).isEqualTo("B");
    }

    @Test
    @DisplayName("an entry that climbs out of the folder (zip slip) is refused, and nothing lands outside")
    void zipSlip() throws Exception {
        Path zip = zip("ok.txt", "fine", "../../evil.txt", "gotcha");

        assertThatThrownBy(() -> Zip.unzip(zip, dir.resolve("out"))).isInstanceOf(IOException.class)
                .hasMessageContaining("outside its folder").hasMessageContaining("../../evil.txt");
        assertThat(dir.getParent().resolve("evil.txt")).doesNotExist();
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    @DisplayName("an absolute entry name is refused too")
    void absoluteEntry() throws Exception {
        Path zip = zip("/tmp/evil-" + System.nanoTime() + ".txt", "gotcha");

        assertThatThrownBy(() -> Zip.unzip(zip, dir.resolve("out"))).hasMessageContaining("outside its folder");
    }

    @Test
    @DisplayName("a file that is not a zip, or an empty zip, is a clear error")
    void notAZip() throws Exception {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "not a zip at all");

        assertThatThrownBy(() -> Zip.unzip(text, dir.resolve("out"))).hasMessageContaining("empty or not a zip file");
    }
}
