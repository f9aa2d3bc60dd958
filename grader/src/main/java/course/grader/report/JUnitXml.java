package course.grader.report;

import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML reports ({@code junit/MODULE/TEST-junit-jupiter.xml}) written from the results, like
 * every other report (so they agree with the score, hide what the view hides, and hold nothing the
 * code under test wrote itself).
 */
public final class JUnitXml {

    static final String FILE = "TEST-junit-jupiter.xml";

    private JUnitXml() {
    }

    /** One XML report per module of {@code shown} (the results as this view shows them). */
    static void writeAll(Results shown, Path outDir) throws IOException {
        for (ModuleResult module : shown.modules()) {
            Path file = outDir.resolve("junit").resolve(module.name()).resolve(FILE);
            Files.createDirectories(file.getParent());
            write(module, file);
        }
    }

    private static void write(ModuleResult module, Path file) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            suite.setAttribute("name", module.name());
            suite.setAttribute("tests", String.valueOf(module.tests().size()));
            suite.setAttribute("failures", String.valueOf(module.tests().stream().filter(t -> !t.passed()).count()));
            suite.setAttribute("time", String.format(Locale.ROOT, "%.2f", module.seconds()));
            for (TestResult test : module.tests()) {
                Element testCase = doc.createElement("testcase");
                testCase.setAttribute("classname", test.className());
                testCase.setAttribute("name", test.displayName());
                if (!test.passed()) {
                    Element failure = doc.createElement(test.status() == Results.Status.NOT_RUN ? "skipped" : "failure");
                    failure.setAttribute("message", Text.firstLine(test.message()));
                    failure.setTextContent(test.message());
                    testCase.appendChild(failure);
                }
                suite.appendChild(testCase);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.transform(new DOMSource(doc), new StreamResult(file.toFile()));
        } catch (Exception e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
