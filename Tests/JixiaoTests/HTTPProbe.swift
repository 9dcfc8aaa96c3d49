import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a real socket, for talking to the preview server in tests.
final class HTTPProbe {
    let fd: Int32

    init?(port: Int, host: String = "127.0.0.1", timeout: TimeInterval = 5) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    func send(_ path: String, method: String = "GET", headers: [String: String] = [:]) {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        _ = request.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }

    /// Reads until `marker` has arrived, the connection closes, or `timeout` passes.
    func read(until marker: String? = nil, timeout: TimeInterval = 10) -> String {
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0 ..< count])
                if let marker, String(decoding: data, as: UTF8.self).contains(marker) { break }
            } else if count == 0 {
                break
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One whole request: status code and the raw response.
    static func get(_ path: String, port: Int, host: String = "127.0.0.1", headers: [String: String] = [:]) -> (status: Int, text: String) {
        request("GET", path, port: port, host: host, headers: headers)
    }

    static func request(_ method: String, _ path: String, port: Int, host: String = "127.0.0.1", headers: [String: String] = [:]) -> (status: Int, text: String) {
        guard let probe = HTTPProbe(port: port, host: host) else { return (0, "") }
        probe.send(path, method: method, headers: headers)
        let text = probe.read()
        let status = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}
