package course.grader.model;

/** Points as people write them: 15, not 15.0; 2.5 stays 2.5. */
public final class Points {

    private Points() {
    }

    public static String fmt(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }

    /** Rounded to hundredths, as Gradescope and the gradebook show them. */
    public static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
