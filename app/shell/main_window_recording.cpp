// The main window's recording: F9 starts at once with the saved settings,
// the settings dialog, and writing the recording when it stops.
#include "app/labkit/view_recorder.h"
#include "app/shell/main_window.h"
#include "widgets/field_plot.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>

#include <algorithm>

namespace aelab {

// F9 records at once, so the start is never missed: into the folder, format
// and frame rate of View ▸ Recording settings (by default the Videos folder,
// GIF, 15 frames a second), named after the view and the time.
void MainWindow::toggleRecording() {
    if (recorder_->isRecording()) return stopRecording();
    const RecordingSettings r = recordingSettings();
    QDir().mkpath(r.folder);
    const QString name = suggestedName(r.format);
    const QString path = QDir(r.folder).filePath(
        QFileInfo(name).completeBaseName() + "-" +
        QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss") + "." + r.format);
    startRecording(path, r.fps);
}

MainWindow::RecordingSettings MainWindow::recordingSettings() {
    QSettings settings;
    QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (videos.isEmpty()) videos = QDir::homePath();
    RecordingSettings r;
    r.folder = settings.value("record/folder", videos).toString();
    r.format = settings.value("record/format", "gif").toString() == "mp4" ? "mp4" : "gif";
    r.fps = std::clamp(settings.value("record/fps", 15).toInt(), 2, 60);
    return r;
}

void MainWindow::editRecordingSettings() {
    const RecordingSettings r = recordingSettings();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Recording settings"));
    auto* folder = new QLineEdit(r.folder, &dialog);
    auto* browse = new QPushButton(tr("Choose…"), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&dialog, folder] {
        const QString dir =
            QFileDialog::getExistingDirectory(&dialog, tr("Recordings folder"), folder->text());
        if (!dir.isEmpty()) folder->setText(dir);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(folder, 1);
    row->addWidget(browse);
    auto* format = new QComboBox(&dialog);
    format->addItem(tr("GIF animation"), "gif");
    format->addItem(tr("MP4 video"), "mp4");
    format->setCurrentIndex(r.format == "mp4" ? 1 : 0);
    auto* fps = new QSpinBox(&dialog);
    fps->setRange(2, 60);
    fps->setValue(r.fps);
    fps->setSuffix(tr(" frames/s"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Folder"), row);
    form->addRow(tr("Format"), format);
    form->addRow(tr("Frame rate"), fps);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    QSettings settings;
    settings.setValue("record/folder", folder->text());
    settings.setValue("record/format", format->currentData().toString());
    settings.setValue("record/fps", fps->value());
}

bool MainWindow::startRecording(const QString& path, double fps) {
    QString error;
    QWidget* view = viewInFront();
    // A field or chain plot records its data box and title, not the margins.
    const auto* plot = qobject_cast<const FieldPlot*>(view);
    if (!recorder_->start(view, {path}, fps, &error, plot ? plot->recordingArea() : QRect())) {
        QMessageBox::warning(this, tr("Cannot record"), error);
        return false;
    }
    recordAction_->setText(tr("Stop recording"));
    statusBar()->showMessage(tr("Recording to %1: press F9 to stop").arg(path), 5000);
    return true;
}

void MainWindow::stopRecording() {
    if (!recorder_->isRecording()) return;
    auto* dialog = new QProgressDialog(tr("Writing the recording…"), QString(), 0,
                                       recorder_->framesGrabbed(), this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(recorder_, &ViewRecorder::progress, dialog, [dialog](int written, int total) {
        dialog->setMaximum(total);
        dialog->setValue(written);
    });
    connect(recorder_, &ViewRecorder::finished, dialog,
            [this, dialog](bool ok, const QString& message) {
                dialog->close();
                recordAction_->setText(tr("Record the plot (F9 again stops)"));
                if (ok)
                    statusBar()->showMessage(message, 8000);
                else
                    QMessageBox::warning(this, tr("Recording failed"), message);
            });
    recorder_->stop();
}

} // namespace aelab
