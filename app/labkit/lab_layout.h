#pragma once
// The controls every lab's panel has, and laying a lab out (lab_frame.h).
#include "app/labkit/thread_handoff.h"

#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <initializer_list>
#include <utility>

class QComboBox;
class QPushButton;
class QGroupBox;
class QLabel;
class QLayout;
class QSpinBox;
class QObject;
class QWidget;

namespace aelab {

// Gives each control its objectName: the key sessions, lessons and undo use
// (panel_state.h). Names are part of the file formats: never rename one.
void nameControls(std::initializer_list<std::pair<QWidget*, const char*>> controls);
// Marks a combo box made by makeDataMenu (its entries are data specs).
inline constexpr const char* kDataMenuProperty = "aelabDataMenu";

// A hidden, word-wrapped banner for errors the lab reports in place.
QLabel* makeErrorBanner(QWidget* parent);
class LabFrame;
// Lays out lab (which must have no layout yet) with the given parts: its
// main picture, its charts and its controls (lab_frame.h).
LabFrame* layOutLab(QWidget* lab, QLabel* banner, QWidget* picture, QWidget* charts,
                    QWidget* controls);
// A titled group of controls for a lab's side panel.
QGroupBox* makeGroup(const QString& title, QLayout* layout);
// The seed box every lab shows (0 to 1,000,000, starting at 1) with its tooltip.
QSpinBox* makeSeedBox(const QString& toolTip);
// A minibatch size box, min to 1024, starting at 64.
QSpinBox* makeBatchBox(int min);

// Presentation mode for a lab's readout labels: larger type (13 pt), and
// word wrap so large text never widens the window past the screen.
void setLabelsPresentation(std::initializer_list<QLabel*> labels, bool on);

// Sessions: a lab worker's checkpoints() (waiting for its current burst) and
// its restoreCheckpoints(parts) (queued), for the labs that keep models.
template <class Worker> QVariantMap workerCheckpoints(Worker* worker) {
    return handoff::call(worker, &Worker::checkpoints);
}
template <class Worker> void restoreWorkerCheckpoints(Worker* worker, const QVariantMap& parts) {
    handoff::post(worker, &Worker::restoreCheckpoints, parts);
}

// The data menu of the image labs: the built-in sources in `order` (of
// "mnist", "fashion-mnist", "lines"), then "Folder of my images…".
// Activating a source calls chosen(spec); the folder entry calls folder().
QComboBox* makeDataMenu(const QStringList& order, const QString& toolTip, QObject* context,
                        const std::function<void(const QString&)>& chosen,
                        const std::function<void()>& folder);
// Shows spec ("lines", "folder:PATH", ...) as the menu's choice; a folder
// gets an entry of its own.
void showDataIn(QComboBox* menu, const QString& spec);
// The spec of the menu's choice.
QString dataIn(const QComboBox* menu);

// A panel's "Pretrained model" button: a menu of the model zoo's models,
// disabled until offerInMenu gives it entries.
QPushButton* makePretrainedButton(const QString& text, const QString& toolTip);
// Its entries, (key, text) each: picking one calls chosen(key). None: the
// button stays disabled and says that nothing is installed.
void offerInMenu(QPushButton* button, const QList<QPair<QString, QString>>& entries,
                 QObject* context, const std::function<void(const QString&)>& chosen);

} // namespace aelab
