/**
 * The Korean-capable font the desk ships (NanumGothic, SIL OFL 1.1), so that Korean ad copy renders on machines
 * without CJK fonts: registered with Java2D for drawn images and offered to JavaFX as a resource. Depends on nothing.
 */
package adreview.fonts;
