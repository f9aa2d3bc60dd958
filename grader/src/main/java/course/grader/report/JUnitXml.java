package course.grader.report;

import course.grader.files.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML of each module's run, copied into the reports; for students without the hidden tests. */
public final class JUnitXml {

    /** Copies {@code work/MODULE/junit-xml/*} to {@code outDir/junit/MODULE/}; in the student view without hidden tests. */
    public static void copyReports(Path work, Path outDir, Results results, boolean teacher) throws IOException {
        for (Results.ModuleResult module : results.modules()) {
            Path to = outDir.resolve("junit").resolve(module.name());
            Set<String> hiddenClasses = module.tests().stream().filter(Results.TestResult::hidden)
                    .map(Results.TestResult::className).collect(Collectors.toSet());
            for (Path xml : FileTree.files(work.resolve(module.name()).resolve("junit-xml"))) {
                Files.createDirectories(to);
                if (teacher || hiddenClasses.isEmpty()) {
                    FileTree.copy(xml, to.resolve(xml.getFileName()));
                } else {
                    writeWithout(xml, to.resolve(xml.getFileName()), hiddenClasses);
                }
            }
        }
    }

    /** {@code from} without the test cases of {@code classNames}. */
    static void writeWithout(Path from, Path to, Set<String> classNames) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(from.toFile());
            NodeList cases = doc.getElementsByTagName("testcase");
            for (int i = cases.getLength() - 1; i >= 0; i--) {
                Element testCase = (Element) cases.item(i);
                if (classNames.contains(testCase.getAttribute("classname"))) {
                    testCase.getParentNode().removeChild(testCase);
                }
            }
            NodeList suites = doc.getElementsByTagName("testsuite");
            for (int i = 0; i < suites.getLength(); i++) {
                Element suite = (Element) suites.item(i);
                int count = suite.getElementsByTagName("testcase").getLength();
                suite.setAttribute("tests", String.valueOf(count));
                suite.removeAttribute("failures");
                suite.removeAttribute("errors");
                suite.removeAttribute("skipped");
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.transform(new DOMSource(doc), new StreamResult(to.toFile()));
        } catch (Exception e) {
            throw new IOException("cannot filter " + from + ": " + e.getMessage(), e);
        }
    }

    private JUnitXml() {
    }
}
