#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator grows and gives back memory, for a process that builds a large site: a build of
/// 10,000 projects makes and frees hundreds of megabytes in parts of tens of megabytes (the model file,
/// the site's data), and by default each part is mapped fresh and given back, and each thread's heap grows
/// a page at a time, each step a system call and each new page a fault.
package enum Allocator {
    /// Grows heaps 64 MB at a time, keeps up to 256 MB freed for reuse, and takes parts of up to 32 MB (the
    /// most it allows) from the heap. The peak stays about the same; the system calls and page faults fall.
    /// To be called before any thread but the first allocates: a thread's heap takes its size when it is
    /// made, and one made before grows a page at a time.
    package static func preferLargeSteps() {
        #if canImport(Glibc)
        // glibc's mallopt, which the C module does not import (<malloc.h>); looked up, so that another C
        // library without it is left as it is.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3.
        _ = mallopt(-2, 64 << 20)
        _ = mallopt(-1, 256 << 20)
        _ = mallopt(-3, 32 << 20)
        #endif
    }
}
