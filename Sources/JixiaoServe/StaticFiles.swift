import Foundation

/// Finds the file a request path names inside the site, refusing every path that would leave it.
package enum StaticFiles {
    /// The file for a URL path, or `nil` when the path is not one the site can serve.
    static func resolve(_ rawPath: String, in root: URL) -> URL? {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) { return nil }
        var url = root
        for part in parts { url.appendPathComponent(String(part)) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            url.appendPathComponent("index.html")
        }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(base + "/") else { return nil }
        return url
    }

    static func contentType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
