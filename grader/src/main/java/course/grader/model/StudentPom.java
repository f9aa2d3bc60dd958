package course.grader.model;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The master copy's root pom, read as XML: its modules, and the student version of it — without
 * the {@code solutions} module and the hidden-test profile, with the exercises' tests switched on.
 * Comments and layout are kept (students read this file).
 */
public final class StudentPom {

    private static final String SKIP_TESTS = "exercise.skipTests";
    private static final String HIDDEN_PROFILE = "hidden-tests";

    private final Document pom;

    private StudentPom(Document pom) {
        this.pom = pom;
    }

    public static StudentPom read(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            document.setXmlStandalone(true);
            return new StudentPom(document);
        } catch (Exception e) {
            throw new CannotGrade(file + " is not a readable pom.xml: " + e.getMessage());
        }
    }

    /** The {@code <module>} entries of the root pom, in order. */
    public List<String> modules() {
        List<String> modules = new ArrayList<>();
        for (Element module : children(child(pom.getDocumentElement(), "modules"), "module")) {
            modules.add(module.getTextContent().strip());
        }
        return modules;
    }

    /**
     * The student version's pom text (this pom is left as it is). A pom that is a student version
     * already (the switch off, no hidden-test profile: a Gradescope bundle's course) stays as it is.
     */
    public String studentVersion() throws IOException {
        Document student = (Document) pom.cloneNode(true);
        student.setXmlStandalone(true);
        Element project = student.getDocumentElement();
        Element properties = child(project, "properties");
        Element skip = properties == null ? null : child(properties, SKIP_TESTS);
        if (skip != null && skip.getTextContent().strip().equals("false") && hiddenProfile(project) == null) {
            return serialize(student);
        }
        if (skip == null || !skip.getTextContent().strip().equals("true")) {
            throw new CannotGrade("the root pom.xml has no <" + SKIP_TESTS + ">true</" + SKIP_TESTS + "> (the master/student"
                    + " switch): export expects the master copy's pom; see README, For teachers.");
        }
        skip.setTextContent("false");
        for (Element module : children(child(project, "modules"), "module")) {
            if (module.getTextContent().strip().equals("solutions")) {
                removeWithIndent(module);
            }
        }
        Element hidden = hiddenProfile(project);
        if (hidden == null) {
            throw new CannotGrade("the root pom.xml has no profile with <id>" + HIDDEN_PROFILE
                    + "</id> (its layout changed?): export expects the master copy's pom.");
        }
        removeWithIndent(hidden);
        replaceMasterComment(properties);
        return serialize(student);
    }

    private static Element hiddenProfile(Element project) {
        return children(child(project, "profiles"), "profile").stream()
                .filter(p -> HIDDEN_PROFILE.equals(textOf(child(p, "id")))).findFirst().orElse(null);
    }

    private static void replaceMasterComment(Element properties) {
        for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Comment comment && comment.getData().strip().startsWith("MASTER COPY")) {
                comment.setData(" Student version: `mvn test -pl <module>` runs that exercise's tests against your code. ");
                return;
            }
        }
    }

    private static String serialize(Document document) throws IOException {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            String text = out.toString().replaceFirst("\\?><project", "?>\n<project");
            return text.endsWith("\n") ? text : text + "\n";
        } catch (Exception e) {
            throw new IOException("could not write the student pom: " + e.getMessage(), e);
        }
    }

    /** Removes {@code element} and the whitespace that indented it, so no blank line is left. */
    private static void removeWithIndent(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            before.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static String textOf(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }
}
