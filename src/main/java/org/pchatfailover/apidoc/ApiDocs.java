package org.pchatfailover.apidoc;

/**
 * Names the controllers' OpenAPI annotations share: the problem+json answer every {@code /api} error is, and the
 * examples recorded from a lab drill ({@code openapi/examples/}, one file per example, named after the file). A room
 * of its own that imports nothing of ours, so every controller may use it.
 */
public final class ApiDocs {

	public static final String PROBLEM_JSON = "application/problem+json";

	/** RFC 9457 problem details, with the fields our errors add ({@code errors}, {@code ticketId}, ...). */
	public static final String PROBLEM = "#/components/schemas/Problem";

	public static final String EXAMPLES = "#/components/examples/";

	private ApiDocs() {
	}

}
