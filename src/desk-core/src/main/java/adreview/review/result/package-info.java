/**
 * The results of Stage 1 and Stage 2 as validated records with their snake_case JSON form (SPEC §2, §3),
 * and strict reading of answers. Plain values: no database, model or UI.
 */
package adreview.review.result;
