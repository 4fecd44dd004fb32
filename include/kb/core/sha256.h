// SHA-256 (OpenSSL EVP). Pure functions; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace kb {

using Sha256Digest = std::array<unsigned char, 32>;

// The digest of `bytes`. (EVP only fails on allocation failure; the digest is
// then all zeros, which matches no stored hash.)
Sha256Digest Sha256(std::string_view bytes);
// Lower-case hex of a digest (64 characters).
std::string HexEncode(const Sha256Digest& digest);
// HexEncode(Sha256(bytes)).
std::string Sha256Hex(std::string_view bytes);

}  // namespace kb
