// jixiao-bench-reload: how long `jixiao serve` takes from saving a project file to telling open pages
// to reload.
//
//     jixiao-bench-reload <jixiao> <site root> [edits]
//
// Starts `<jixiao> serve <site root> --port 0`, opens the live-reload stream as a page does, then
// edits `edits` project files one after another, a second apart (default 10; each saved as editors do,
// by writing a new file and renaming it over the old one) and times each save until the reload event arrives.
// Prints the times with and without the server's debounce, and the build times the server reports.
// The site's files are changed: run it on a copy. Foundation and Glibc only.
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

let debounceMilliseconds = 50.0

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("jixiao-bench-reload: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: jixiao-bench-reload <jixiao> <site root> [edits]") }
let jixiao = arguments[1]
let root = URL(fileURLWithPath: arguments[2])
let edits = arguments.count > 3 ? Int(arguments[3]) ?? 10 : 10

/// Everything the server prints, collected as it comes.
final class Transcript: Sendable {
    private let text = Mutex("")
    func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
    var value: String { text.withLock { $0 } }
}

let server = Process()
server.executableURL = URL(fileURLWithPath: jixiao)
server.arguments = ["serve", root.path, "--port", "0"]
let pipe = Pipe()
server.standardOutput = pipe
server.standardError = pipe
let transcript = Transcript()
pipe.fileHandleForReading.readabilityHandler = { transcript.append($0.availableData) }
do { try server.run() } catch { fail("cannot start \(jixiao): \(error)") }
defer { if server.isRunning { kill(server.processIdentifier, SIGINT); server.waitUntilExit() } }

// Wait for the first build and the address.
var port = 0
let startDeadline = Date().addingTimeInterval(600)
while port == 0, Date() < startDeadline, server.isRunning {
    if let range = transcript.value.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) {
        port = Int(transcript.value[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
    } else {
        Thread.sleep(forTimeInterval: 0.05)
    }
}
guard port > 0 else { fail("the server did not start:\n\(transcript.value)") }

// The live-reload stream, over a plain socket.
let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = in_port_t(UInt16(port).bigEndian)
address.sin_addr.s_addr = inet_addr("127.0.0.1")
let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
}
guard connected == 0 else { fail("cannot connect to port \(port)") }
var timeout = timeval(tv_sec: 120, tv_usec: 0)  // a slow machine may still be busy with the first build
setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
let request = "GET /__jixiao/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
_ = request.utf8CString.withUnsafeBufferPointer { write(socketFD, $0.baseAddress, $0.count - 1) }

/// Reads the stream until `marker` arrives; `false` on timeout.
func wait(for marker: String) -> Bool {
    var received = ""
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !received.contains(marker) {
        let count = read(socketFD, &buffer, buffer.count)
        if count <= 0 { return false }
        received += String(decoding: buffer[0 ..< count], as: UTF8.self)
    }
    return true
}
guard wait(for: ": connected") else { fail("no live-reload stream") }

// The project files to edit, spread over the site.
let content = root.appendingPathComponent("content")
let projects = (FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? [])
    .filter { $0.hasSuffix(".md") && !$0.hasSuffix("_unit.md") }.sorted()
guard !projects.isEmpty else { fail("no project files under \(content.path)") }

var latencies: [Double] = []
for edit in 0 ..< edits {
    let file = content.appendingPathComponent(projects[(edit * 7919) % projects.count])
    guard let text = try? String(contentsOf: file, encoding: .utf8), let range = text.range(of: "\nname: ") else {
        fail("no `name:` line in \(file.path)")
    }
    var edited = text
    let quoted = edited[range.upperBound...].hasPrefix("\"")
    edited.insert(contentsOf: "修改\(edit + 1)·", at: quoted ? edited.index(after: range.upperBound) : range.upperBound)
    let start = Date()
    do { try Data(edited.utf8).write(to: file, options: .atomic) } catch { fail("cannot write \(file.path): \(error)") }
    guard wait(for: "data: reload") else { fail("no reload event after editing \(file.path):\n\(transcript.value)") }
    latencies.append(Date().timeIntervalSince(start) * 1000)
    // A second between saves, as a person saves: the server does between builds what it can ahead of the next.
    Thread.sleep(forTimeInterval: 1)
}

func summary(_ values: [Double]) -> String {
    let sorted = values.sorted()
    return String(format: "min %.0f, median %.0f, max %.0f ms", sorted.first!, sorted[sorted.count / 2], sorted.last!)
}

// "built N pages rendered, M kept (…) in T ms": the server's own time for each rebuild.
let builds = transcript.value.split(separator: "\n").compactMap { line -> Double? in
    guard line.contains(" kept ("), let range = line.range(of: #"\) in \d+ ms"#, options: .regularExpression) else { return nil }
    return Double(line[range].dropFirst(") in ".count).dropLast(" ms".count))
}
print("\(projects.count) projects, \(edits) saves")
print("save → reload event: \(summary(latencies)) (debounce \(Int(debounceMilliseconds)) ms included)")
print("without the debounce: \(summary(latencies.map { max(0, $0 - debounceMilliseconds) }))")
if !builds.isEmpty { print("server rebuilds: \(summary(builds))") }
