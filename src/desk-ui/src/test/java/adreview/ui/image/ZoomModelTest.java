package adreview.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZoomModelTest {

    @Test
    void fitScalesDownAndCentresButNeverEnlarges() {
        ZoomModel zoom = new ZoomModel();
        zoom.setViewport(400, 300);
        zoom.setImage(800, 800);
        assertThat(zoom.scale()).isEqualTo(300.0 / 800);
        assertThat(zoom.x()).isEqualTo((400 - 300) / 2.0);
        assertThat(zoom.y()).isZero();

        zoom.setImage(100, 50);
        assertThat(zoom.scale()).isEqualTo(1.0);
        assertThat(zoom.x()).isEqualTo(150);
        assertThat(zoom.isFitted()).isTrue();
    }

    @Test
    void fitFollowsResizesUntilTheUserZooms() {
        ZoomModel zoom = new ZoomModel();
        zoom.setViewport(400, 400);
        zoom.setImage(800, 800);
        zoom.setViewport(200, 200);
        assertThat(zoom.scale()).isEqualTo(0.25);
        zoom.zoom(ZoomModel.STEP);
        assertThat(zoom.isFitted()).isFalse();
        double scale = zoom.scale();
        zoom.setViewport(300, 300);
        assertThat(zoom.scale()).isEqualTo(scale);
    }

    @Test
    void zoomKeepsThePointUnderTheCursorInPlace() {
        ZoomModel zoom = new ZoomModel();
        zoom.setViewport(400, 400);
        zoom.setImage(800, 800); // scale 0.5 at (0, 0)
        double px = 100;
        double py = 300;
        double imageX = (px - zoom.x()) / zoom.scale();
        double imageY = (py - zoom.y()) / zoom.scale();
        zoom.zoomAt(2.0, px, py);
        assertThat(zoom.scale()).isEqualTo(1.0);
        assertThat((px - zoom.x()) / zoom.scale()).isCloseTo(imageX, within(1e-9));
        assertThat((py - zoom.y()) / zoom.scale()).isCloseTo(imageY, within(1e-9));
    }

    @Test
    void zoomIsBoundedAndPanKeepsPartOfTheImageVisible() {
        ZoomModel zoom = new ZoomModel();
        zoom.setViewport(400, 400);
        zoom.setImage(800, 800);
        for (int i = 0; i < 50; i++) {
            zoom.zoom(ZoomModel.STEP);
        }
        assertThat(zoom.scale()).isEqualTo(ZoomModel.MAX_SCALE);
        for (int i = 0; i < 50; i++) {
            zoom.zoom(1 / ZoomModel.STEP);
        }
        assertThat(zoom.scale()).isEqualTo(0.5 / 4);

        zoom.fit();
        zoom.panBy(10_000, 10_000);
        assertThat(zoom.x()).isLessThan(400);
        assertThat(zoom.y()).isLessThan(400);
        assertThat(zoom.x()).isEqualTo(400 - 400 / 3.0);
        zoom.actualSize();
        assertThat(zoom.scale()).isEqualTo(1.0);
        assertThat(zoom.x()).isEqualTo(-200);
    }
}
