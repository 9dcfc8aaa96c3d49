#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two folders in one step: after it, each path names the other's tree, and no moment exists at
/// which either path is missing or holds a mix. This is what lets a build replace a whole site at once.
package enum FolderExchange {
    /// Exchanges `first` and `second` (both must exist, on the same file system). Throws with the
    /// system's reason; `isUnsupported` tells a file system that cannot do it (some network file systems, kernels before 3.15).
    package static func swap(_ first: String, _ second: String) throws(SystemError) {
        #if canImport(Darwin)
        guard renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 else { throw SystemError(path: second) }
        #else
        // renameat2 is a GNU extension that the Glibc module does not import; glibc has had it since 2.28.
        guard let renameat2 = renameat2 else { throw SystemError(path: second, code: ENOSYS) }
        guard renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 else { throw SystemError(path: second) }
        #endif
    }

    /// Whether a failed swap means the file system or kernel cannot swap at all.
    package static func isUnsupported(_ error: SystemError) -> Bool {
        [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(error.code)
    }

    #if !canImport(Darwin)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `RENAME_EXCHANGE` of <linux/fs.h>.
    private static let renameExchange: UInt32 = 1 << 1

    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
