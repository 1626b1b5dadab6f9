/**
 * The one place where the UI decides threads: {@link adreview.ui.concurrent.TaskExecutor} runs
 * {@link adreview.ui.concurrent.BackgroundTask}s on an I/O pool or the single model thread and delivers their
 * typed progress and results on the UI thread; {@link adreview.ui.concurrent.LatestWins} keeps only the newest
 * request of a kind (what a selection change asks for). Used by view models; depends on nothing else in the desk.
 */
package adreview.ui.concurrent;
