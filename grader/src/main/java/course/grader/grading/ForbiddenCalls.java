package course.grader.grading;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.NetworkChannel;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What graded code may not call, and why, in words a student understands. */
final class ForbiddenCalls {

    /** One rule: calls of {@code methods} (empty: any) on {@code type} or its subtypes. */
    private record Rule(Class<?> type, Set<String> methods, String why) {
        boolean matches(Class<?> owner, String method) {
            return type.isAssignableFrom(owner) && (methods.isEmpty() || methods.contains(method));
        }
    }

    private static final String EXIT = "your code must never end the JVM: throw an exception or return instead";
    private static final String PROCESS = "graded code may not start or control other programs";
    private static final String REFLECTION = "reflection and class loading can reach into the grader and the tests;"
            + " call your own code directly";
    private static final String STACK = "reading stack traces shows which tests call your code; your code must not"
            + " depend on its caller";
    private static final String NETWORK = "graded code may not use the network: the exercises simulate it";
    private static final String WRITE = "graded code may not write, move or delete files";
    private static final String READ = "graded code may not read files, except in an exercise that gives it files to"
            + " read (its rubric allows them)";
    private static final String SETTINGS = "graded code may not read or change the JVM's settings or environment:"
            + " everything your code needs is passed in";
    private static final String NATIVE = "native code runs outside Java's checks; write it in Java";

    private static final List<Rule> RULES = List.of(
            new Rule(System.class, Set.of("exit"), EXIT),
            new Rule(Runtime.class, Set.of("exit", "halt"), EXIT),
            new Rule(Runtime.class, Set.of("addShutdownHook", "removeShutdownHook"), EXIT),
            new Rule(Runtime.class, Set.of("exec"), PROCESS),
            new Rule(ProcessBuilder.class, Set.of(), PROCESS),
            new Rule(ProcessHandle.class, Set.of(), PROCESS),
            new Rule(Process.class, Set.of(), PROCESS),
            new Rule(Class.class, Set.of("forName", "getDeclaredField", "getDeclaredFields", "getDeclaredMethod",
                    "getDeclaredMethods", "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getFields",
                    "getMethod", "getMethods", "getConstructor", "getConstructors", "newInstance", "getResource",
                    "getResourceAsStream", "getClassLoader", "getProtectionDomain", "getModule", "getRecordComponents",
                    "getNestHost", "getNestMembers", "getPermittedSubclasses"), REFLECTION),
            new Rule(ClassLoader.class, Set.of(), REFLECTION),
            new Rule(Module.class, Set.of(), REFLECTION),
            new Rule(ModuleLayer.class, Set.of(), REFLECTION),
            new Rule(Thread.class, Set.of("getStackTrace", "getAllStackTraces", "getContextClassLoader",
                    "setContextClassLoader"), STACK),
            new Rule(Throwable.class, Set.of("getStackTrace", "setStackTrace"), STACK),
            new Rule(StackWalker.class, Set.of(), STACK),
            new Rule(System.class, Set.of("getProperty", "getProperties", "setProperty", "setProperties", "clearProperty",
                    "getenv", "setIn", "setOut", "setErr", "load", "loadLibrary", "mapLibraryName"), SETTINGS),
            new Rule(Runtime.class, Set.of("load", "loadLibrary"), NATIVE),
            new Rule(Integer.class, Set.of("getInteger"), SETTINGS),
            new Rule(Long.class, Set.of("getLong"), SETTINGS),
            new Rule(Boolean.class, Set.of("getBoolean"), SETTINGS),
            new Rule(Socket.class, Set.of(), NETWORK),
            new Rule(ServerSocket.class, Set.of(), NETWORK),
            new Rule(DatagramSocket.class, Set.of(), NETWORK),
            new Rule(URL.class, Set.of("openConnection", "openStream", "getContent"), NETWORK),
            new Rule(URLConnection.class, Set.of(), NETWORK),
            new Rule(InetAddress.class, Set.of("getByName", "getAllByName", "getLocalHost", "getByAddress"), NETWORK),
            new Rule(NetworkChannel.class, Set.of(), NETWORK),
            new Rule(Files.class, Set.of("write", "writeString", "newOutputStream", "newBufferedWriter", "newByteChannel",
                    "delete", "deleteIfExists", "move", "copy", "createFile", "createDirectory", "createDirectories",
                    "createTempFile", "createTempDirectory", "createLink", "createSymbolicLink", "setAttribute",
                    "setPosixFilePermissions", "setLastModifiedTime", "setOwner"), WRITE),
            new Rule(File.class, Set.of("delete", "deleteOnExit", "renameTo", "mkdir", "mkdirs", "createNewFile",
                    "createTempFile", "setWritable", "setReadable", "setExecutable", "setReadOnly", "setLastModified"), WRITE),
            new Rule(Files.class, Set.of("readAllBytes", "readAllLines", "readString", "lines", "newInputStream",
                    "newBufferedReader", "list", "walk", "find", "newDirectoryStream", "readSymbolicLink"), READ),
            new Rule(File.class, Set.of("list", "listFiles"), READ),
            new Rule(FileInputStream.class, Set.of(), READ),
            new Rule(FileReader.class, Set.of(), READ),
            new Rule(FileOutputStream.class, Set.of(), WRITE),
            new Rule(FileWriter.class, Set.of(), WRITE),
            new Rule(RandomAccessFile.class, Set.of(), WRITE),
            new Rule(FileChannel.class, Set.of("open"), WRITE),
            new Rule(AsynchronousFileChannel.class, Set.of("open"), WRITE));

    /** Whole packages graded code may not touch (java.lang.invoke but for VarHandle: see {@link #why}). */
    private static final List<String> PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.", "java.lang.instrument.",
            "java.lang.management.", "javax.management.", "java.net.http.", "jdk.internal.", "jdk.jfr.", "sun.", "com.sun.");

    /** From java.lang.invoke, only what lock-free code needs: a VarHandle on the class's own field. */
    private static final Set<String> INVOKE_ALLOWED = Set.of("java.lang.invoke.VarHandle",
            "java.lang.invoke.MethodHandles#lookup", "java.lang.invoke.MethodHandles$Lookup#findVarHandle",
            "java.lang.invoke.MethodHandles$Lookup#findStaticVarHandle", "java.lang.invoke.MethodHandles#arrayElementVarHandle");

    private ForbiddenCalls() {
    }

    /** Why a call of {@code method} on {@code owner} is not allowed, if it is not. */
    static Optional<String> why(String owner, String method, AccessTarget target) {
        if (owner.startsWith("java.lang.invoke.")) {
            boolean allowed = INVOKE_ALLOWED.contains(owner) || INVOKE_ALLOWED.contains(owner + "#" + method);
            return allowed ? Optional.empty() : Optional.of(REFLECTION);
        }
        if (PACKAGES.stream().anyMatch(owner::startsWith)) {
            return Optional.of(owner.startsWith("java.lang.management.") ? STACK
                    : owner.startsWith("java.net.http.") ? NETWORK : REFLECTION);
        }
        Class<?> type = jdkClass(owner);
        if (type == null) {
            return Optional.empty(); // the student's own classes, checked where they call out
        }
        if (method.equals("<init>") && (PrintStream.class.equals(type) || PrintWriter.class.equals(type))
                && writesAFile(target)) {
            return Optional.of(WRITE);
        }
        return RULES.stream().filter(rule -> rule.matches(type, method)).map(Rule::why).findFirst();
    }

    /** Why extending {@code superclass} is not allowed, if it is not (a class loader of one's own). */
    static Optional<String> forbiddenSupertype(String superclass) {
        Class<?> type = jdkClass(superclass);
        return type != null && ClassLoader.class.isAssignableFrom(type) ? Optional.of(REFLECTION) : Optional.empty();
    }

    /** new PrintStream(File or file name ...) and new PrintWriter(File or file name ...) open a file for writing. */
    private static boolean writesAFile(AccessTarget target) {
        if (!(target instanceof AccessTarget.CodeUnitAccessTarget codeUnit)) {
            return false;
        }
        List<JavaClass> parameters = codeUnit.getRawParameterTypes();
        return !parameters.isEmpty() && (parameters.get(0).getName().equals(String.class.getName())
                || parameters.get(0).getName().equals(File.class.getName()));
    }

    /** A class of the JDK (never one of the graded code: those are not loaded here), or null. */
    private static Class<?> jdkClass(String name) {
        if (!name.startsWith("java.") && !name.startsWith("javax.")) {
            return null;
        }
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
