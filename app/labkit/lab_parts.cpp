#include "app/labkit/lab_parts.h"

#include <QVBoxLayout>

namespace aelab {

QLabel* makeStatusLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    return label;
}

QWidget* stackOver(std::initializer_list<QWidget*> headers, QWidget* view, QWidget* parent) {
    auto* stack = new QWidget(parent);
    auto* layout = new QVBoxLayout(stack);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* header : headers)
        layout->addWidget(header);
    layout->addWidget(view, 1);
    return stack;
}

} // namespace aelab
