/**
 * CLIP image preprocessing for LLaVA-1.5: image files read with clear errors, raw pixels from a
 * {@link java.awt.image.BufferedImage}, optional pad to a square with the mean colour, antialiased bicubic resize
 * with the fixed-point arithmetic of the reference implementations, centre crop and normalisation into a plain CHW
 * {@code float[]}. Free of DJL; depends on nothing else in the project.
 */
package adreview.llava.image;
