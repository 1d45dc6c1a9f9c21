// libFuzzer target: lesson files (app/documents/lesson.h).
#include "app/documents/lesson.h"

#include <cstddef>
#include <cstdint>

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Lesson lesson;
    QString error;
    if (parseLesson(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), &lesson,
                    &error))
        lessonToJson(lesson); // what parses also writes back
    return 0;
}
