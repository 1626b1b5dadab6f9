package adreview.llava;

/** How to load a model: device and precision, each possibly AUTO. */
public record LoadOptions(Device device, Precision precision) {
    public LoadOptions {
        device = device == null ? Device.AUTO : device;
        precision = precision == null ? Precision.AUTO : precision;
    }

    public static LoadOptions defaults() {
        return new LoadOptions(Device.AUTO, Precision.AUTO);
    }
}
