/// jixiao's version, as `jixiao --version` prints it.
public enum JixiaoVersion {
    public static let current = "0.10.0"
}
