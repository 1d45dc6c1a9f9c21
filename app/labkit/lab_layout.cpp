#include "app/labkit/lab_layout.h"
#include "app/labkit/lab_frame.h"
#include "app/labkit/thread_handoff.h"

#include <QComboBox>
#include <QGroupBox>

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace aelab {

QLabel* makeErrorBanner(QWidget* parent) {
    auto* banner = new QLabel(parent);
    banner->setObjectName("errorBanner");
    banner->setWordWrap(true);
    banner->setStyleSheet("background:#fde8e6; color:#7a1a10; padding:6px; border-radius:4px;");
    banner->hide();
    return banner;
}

LabFrame* layOutLab(QWidget* lab, QLabel* banner, QWidget* picture, QWidget* charts,
                    QWidget* controls) {
    return new LabFrame(lab, banner, picture, charts, controls);
}

void nameControls(std::initializer_list<std::pair<QWidget*, const char*>> controls) {
    for (const auto& [widget, name] : controls)
        widget->setObjectName(QString::fromLatin1(name));
}

void setLabelsPresentation(std::initializer_list<QLabel*> labels, bool on) {
    for (QLabel* label : labels) {
        QFont f = label->font();
        f.setPointSize(on ? 13 : QFont().pointSize());
        label->setWordWrap(true);
        label->setFont(f);
    }
}

QGroupBox* makeGroup(const QString& title, QLayout* layout) {
    auto* box = new QGroupBox(title);
    box->setLayout(layout);
    return box;
}

QSpinBox* makeSeedBox(const QString& toolTip) {
    auto* seed = new QSpinBox;
    seed->setRange(0, 1'000'000);
    seed->setValue(1);
    seed->setToolTip(toolTip);
    return seed;
}

QSpinBox* makeBatchBox(int min) {
    auto* batch = new QSpinBox;
    batch->setRange(min, 1024);
    batch->setValue(64);
    batch->setToolTip(QObject::tr("Images per training step; applied live."));
    return batch;
}

QComboBox* makeDataMenu(const QStringList& order, const QString& toolTip, QObject* context,
                        const std::function<void(const QString&)>& chosen,
                        const std::function<void()>& folder) {
    auto* menu = new QComboBox;
    for (const QString& key : order)
        menu->addItem(key == "mnist"           ? QObject::tr("MNIST digits")
                      : key == "fashion-mnist" ? QObject::tr("Fashion-MNIST")
                                               : QObject::tr("Lines benchmark"),
                      key);
    menu->addItem(QObject::tr("Folder of my images…"), "folder");
    menu->setToolTip(toolTip);
    menu->setProperty(kDataMenuProperty, true);
    QObject::connect(menu, &QComboBox::activated, context, [menu, chosen, folder] {
        const QString key = menu->currentData().toString();
        if (key == "folder")
            folder();
        else
            chosen(key);
    });
    return menu;
}

void showDataIn(QComboBox* menu, const QString& spec) {
    int i = menu->findData(spec);
    if (i < 0) {
        menu->addItem(spec.startsWith("folder:") ? spec.mid(7) : spec, spec);
        i = menu->count() - 1;
    }
    menu->setCurrentIndex(i);
}

QString dataIn(const QComboBox* menu) {
    return menu->currentData().toString();
}

QPushButton* makePretrainedButton(const QString& text, const QString& toolTip) {
    auto* button = new QPushButton(text);
    button->setMenu(new QMenu(button));
    button->setToolTip(toolTip);
    button->setEnabled(false);
    return button;
}

void offerInMenu(QPushButton* button, const QList<QPair<QString, QString>>& entries,
                 QObject* context, const std::function<void(const QString&)>& chosen) {
    QMenu* menu = button->menu();
    menu->clear();
    for (const auto& [key, text] : entries)
        menu->addAction(text, context, [chosen, key = key] { chosen(key); });
    button->setEnabled(!entries.isEmpty());
    if (entries.isEmpty()) button->setToolTip(QObject::tr("No pretrained models are installed."));
}

} // namespace aelab
