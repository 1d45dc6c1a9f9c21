#include "core/io/tensor_records.h"

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string_view>
#include <variant>

namespace aelab {

namespace {

struct Mark {};
struct Other {};
struct Global {
    std::string name; // "torch.FloatStorage"
};
using Tuple = std::vector<struct Value>;
struct Value {
    std::variant<Other, Mark, std::string, std::int64_t, Global, Tuple> v;
};

struct Storage {
    std::string key, type;
    std::int64_t numel = 0;
};

// The bytes per element of Torch's storage types; 0 for any other name.
int elementSize(const std::string& type) {
    static const std::map<std::string, int> sizes{
        {"torch.FloatStorage", 4},        {"torch.DoubleStorage", 8},
        {"torch.HalfStorage", 2},         {"torch.BFloat16Storage", 2},
        {"torch.LongStorage", 8},         {"torch.IntStorage", 4},
        {"torch.ShortStorage", 2},        {"torch.CharStorage", 1},
        {"torch.ByteStorage", 1},         {"torch.BoolStorage", 1},
        {"torch.ComplexFloatStorage", 8}, {"torch.ComplexDoubleStorage", 16}};
    const auto it = sizes.find(type);
    return it == sizes.end() ? 0 : it->second;
}

class Walker {
  public:
    explicit Walker(std::string_view pickle) : p_(pickle) {}
    // The storages the pickle's persistent ids name; throws on anything else.
    std::vector<Storage> run() {
        while (true) {
            const unsigned char op = byte();
            if (op == '.') return storages_; // STOP
            step(op);
        }
    }

  private:
    std::string_view p_;
    size_t at_ = 0;
    std::vector<Value> stack_;
    std::map<std::uint64_t, Value> memo_;
    std::vector<Storage> storages_;

    [[noreturn]] static void bad(const std::string& why) { throw std::runtime_error(why); }
    unsigned char byte() {
        if (at_ >= p_.size()) bad("ends early");
        return static_cast<unsigned char>(p_[at_++]);
    }
    std::uint64_t unsignedLe(int n) {
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i)
            v |= std::uint64_t(byte()) << (8 * i);
        return v;
    }
    std::string_view bytes(std::uint64_t n) {
        if (n > p_.size() - at_) bad("ends early");
        const std::string_view s = p_.substr(at_, n);
        at_ += n;
        return s;
    }
    std::string line() {
        const size_t end = p_.find('\n', at_);
        if (end == std::string_view::npos) bad("ends early");
        std::string s(p_.substr(at_, end - at_));
        at_ = end + 1;
        return s;
    }
    Value pop() {
        if (stack_.empty() || std::holds_alternative<Mark>(stack_.back().v)) bad("stack underflow");
        Value v = std::move(stack_.back());
        stack_.pop_back();
        return v;
    }
    Tuple popToMark() {
        Tuple items;
        while (true) {
            if (stack_.empty()) bad("no mark");
            Value v = std::move(stack_.back());
            stack_.pop_back();
            if (std::holds_alternative<Mark>(v.v)) break;
            items.insert(items.begin(), std::move(v));
        }
        return items;
    }
    void push(Value v) { stack_.push_back(std::move(v)); }
    void persistentId(const Value& id) {
        const Tuple* t = std::get_if<Tuple>(&id.v);
        const std::string* tag = t && !t->empty() ? std::get_if<std::string>(&(*t)[0].v) : nullptr;
        if (!tag || *tag != "storage") bad("a persistent id that is not a storage");
        const Global* type = t->size() == 5 ? std::get_if<Global>(&(*t)[1].v) : nullptr;
        const std::string* key = t->size() == 5 ? std::get_if<std::string>(&(*t)[2].v) : nullptr;
        const std::int64_t* numel =
            t->size() == 5 ? std::get_if<std::int64_t>(&(*t)[4].v) : nullptr;
        if (!type || !key || !numel || *numel < 0) bad("a storage of unknown form");
        storages_.push_back({*key, type->name, *numel});
    }
    const Value& top() const {
        if (stack_.empty()) bad("stack underflow");
        return stack_.back();
    }
    void memoise(std::uint64_t index) { memo_[index] = top(); }
    bool structure(unsigned char op);
    bool literal(unsigned char op);
    bool builder(unsigned char op);
    void step(unsigned char op);
};

// The opcodes that build the stack's structure: marks, tuples, the memo and
// persistent ids.
bool Walker::structure(unsigned char op) {
    switch (op) {
    case '(':
        push({Mark{}});
        return true; // MARK
    case ')':
        push({Tuple{}});
        return true; // EMPTY_TUPLE
    case 't':
        push({popToMark()});
        return true; // TUPLE
    case 0x85:
    case 0x86:
    case 0x87: { // TUPLE1..3
        Tuple t(op - 0x84);
        for (auto it = t.rbegin(); it != t.rend(); ++it)
            *it = pop();
        push({std::move(t)});
        return true;
    }
    case 'Q':
        persistentId(pop());
        push({Other{}});
        return true; // BINPERSID
    case 'q':
        memoise(byte());
        return true; // BINPUT
    case 'r':
        memoise(unsignedLe(4));
        return true; // LONG_BINPUT
    case 0x94:
        memoise(memo_.size());
        return true; // MEMOIZE
    case 'h':
    case 'j': { // BINGET, LONG_BINGET
        const auto it = memo_.find(op == 'h' ? byte() : unsignedLe(4));
        if (it == memo_.end()) bad("a memo entry that was never stored");
        push(it->second);
        return true;
    }
    case '0':
        pop();
        return true; // POP
    case '1':
        popToMark();
        return true; // POP_MARK
    case '2':
        push(top());
        return true; // DUP
    default:
        return false;
    }
}

// The opcodes that push a value read from the stream.
bool Walker::literal(unsigned char op) {
    switch (op) {
    case 'K':
        push({std::int64_t(byte())});
        return true; // BININT1
    case 'M':
        push({std::int64_t(unsignedLe(2))});
        return true; // BININT2
    case 'J':
        push({std::int64_t(std::int32_t(unsignedLe(4)))});
        return true; // BININT
    case 0x8a: {     // LONG1
        const int n = byte();
        if (n > 8) bad("an integer wider than 64 bits");
        std::uint64_t v = unsignedLe(n);
        if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1) v |= ~std::uint64_t(0) << (8 * n);
        push({std::int64_t(v)});
        return true;
    }
    case 'X':
        push({std::string(bytes(unsignedLe(4)))});
        return true; // BINUNICODE
    case 0x8c:
        push({std::string(bytes(byte()))});
        return true; // SHORT_BINUNICODE
    case 'G':
        bytes(8);
        push({Other{}});
        return true; // BINFLOAT
    case 'B':
        bytes(unsignedLe(4));
        push({Other{}});
        return true; // BINBYTES
    case 'C':
        bytes(byte());
        push({Other{}});
        return true; // SHORT_BINBYTES
    case 'c': {      // GLOBAL
        std::string module = line();
        push({Global{module + "." + line()}});
        return true;
    }
    case ']':
    case '}':
    case 'N':
    case 0x88:
    case 0x89: // empty list, dict; None, bools
        push({Other{}});
        return true;
    default:
        return false;
    }
}

// The opcodes that combine values already on the stack, and the framing.
bool Walker::builder(unsigned char op) {
    switch (op) {
    case 'R':
    case 0x81:
        pop();
        pop();
        push({Other{}});
        return true; // REDUCE, NEWOBJ
    case 'b':
    case 'a':
        pop();
        return true; // BUILD, APPEND
    case 's':
        pop();
        pop();
        return true; // SETITEM
    case 'e':
    case 'u':
        popToMark();
        return true; // APPENDS, SETITEMS
    case 'l':
    case 'd':
        popToMark();
        push({Other{}});
        return true; // LIST, DICT
    case 0x80:
        byte();
        return true; // PROTO
    case 0x95:
        unsignedLe(8);
        return true; // FRAME
    default:
        return false;
    }
}

void Walker::step(unsigned char op) {
    if (!structure(op) && !literal(op) && !builder(op))
        bad("an opcode Torch's writer does not emit");
}

} // namespace

std::string tensorRecordDamage(const std::string& archive, const std::vector<ZipEntry>& entries) {
    std::map<std::string, const ZipEntry*> byName;
    for (const ZipEntry& e : entries)
        byName[e.name] = &e;
    for (const ZipEntry& e : entries) {
        // <root>/data.pkl and <root>/constants.pkl name the storages kept in
        // <root>/data/ and <root>/constants/.
        const size_t slash = e.name.find('/');
        if (slash == std::string::npos || e.name.find('/', slash + 1) != std::string::npos)
            continue;
        const std::string file = e.name.substr(slash + 1);
        if (file != "data.pkl" && file != "constants.pkl") continue;
        const std::string dir = e.name.substr(0, e.name.size() - 4) + "/";
        if (e.method != 0) return e.name + ": compressed, which Torch's writer never does";
        std::vector<Storage> storages;
        try {
            storages = Walker(std::string_view(archive).substr(e.start, e.size)).run();
        } catch (const std::runtime_error& why) {
            return e.name + ": " + why.what();
        }
        size_t records = 0;
        for (const auto& [name, entry] : byName)
            records += name.size() > dir.size() && name.compare(0, dir.size(), dir) == 0;
        std::map<std::string, bool> seen;
        for (const Storage& s : storages) {
            if (seen[s.key]) continue; // a storage shared by several tensors
            seen[s.key] = true;
            const int size = elementSize(s.type);
            if (size == 0) return e.name + ": storage of unknown type " + s.type;
            const auto it = byName.find(dir + s.key);
            if (it == byName.end()) return dir + s.key + ": the record is missing";
            if (std::uint64_t(s.numel) > it->second->uncompressedSize / std::uint64_t(size))
                return dir + s.key + ": the record holds " +
                       std::to_string(it->second->uncompressedSize) + " bytes, its tensor needs " +
                       std::to_string(s.numel) + " x " + std::to_string(size);
        }
        if (seen.size() != records)
            return dir + ": " + std::to_string(records) + " records for " +
                   std::to_string(seen.size()) + " storages";
    }
    return {};
}

} // namespace aelab
