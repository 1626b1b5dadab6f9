/**
 * The stage prompts as versioned class-path resources and the LLaVA-1.5 chat template. Pure text:
 * used by the review service, depends on nothing else in the desk.
 */
package adreview.review.prompt;
