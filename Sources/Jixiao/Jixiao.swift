import Foundation
import JixiaoCheck
import JixiaoLoad
import JixiaoModel

/// The pipeline's entry points, as the command line calls them.
public enum Pipeline {
    /// load → check: validates the site under `root` and scores every project.
    public static func check(root: URL) -> CheckedSite {
        let (site, diagnostics) = SiteLoader(root: root).load()
        return Checker.check(site, loadDiagnostics: diagnostics)
    }
}
